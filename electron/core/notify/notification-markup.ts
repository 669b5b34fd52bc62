/**
 * Some Linux notification servers read the body as markup (<b>, <a href>,
 * <img>): a subject or a server reply could then show a link or load an image.
 * There the text is escaped so it is shown exactly as written.
 */
export function notificationText(text: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'linux') return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
