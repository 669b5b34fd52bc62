/** The ARIA a Field's control needs: described by its hint and, while its value is refused, by the reason. */
export function fieldAria(id: string, { hint = true, errorId }: { hint?: boolean; errorId: string | null }) {
  const describedBy = [hint ? `${id}-hint` : null, errorId].filter(Boolean).join(' ');
  return {
    'aria-invalid': errorId ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}
