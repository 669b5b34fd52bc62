import { describe, expect, it } from 'vitest';
import { displayProblem } from './open-browser';

describe('displayProblem', () => {
  it('says why no window can open on a Linux machine without a display', () => {
    expect(displayProblem('linux', {})).toMatch(/DISPLAY/);
    expect(displayProblem('linux', { DISPLAY: '' })).toMatch(/DISPLAY/);
  });
  it('has nothing to say when X11 or Wayland is there, or on other systems', () => {
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });
});
