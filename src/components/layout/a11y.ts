/**
 * Accessibility attributes for Taro views on both targets: H5 renders custom elements that take
 * `role` and `aria-*` as attributes; the mini-program templates take `ariaRole` / `ariaLabel`.
 */
export interface A11y {
  role?:
    'button' | 'link' | 'img' | 'switch' | 'tab' | 'tablist' | 'heading' | 'list' | 'listitem' | 'status' | 'region';
  label?: string;
  checked?: boolean;
  selected?: boolean;
  /** A toggle button's state (a filter chip that is on). */
  pressed?: boolean;
  hidden?: boolean;
}

export function a11y({ role, label, checked, selected, pressed, hidden }: A11y): Record<string, string> {
  const out: Record<string, string> = {};
  if (process.env.TARO_ENV === 'h5') {
    if (role) out.role = role;
    if (label) out['aria-label'] = label;
    if (checked !== undefined) out['aria-checked'] = String(checked);
    if (selected !== undefined) out['aria-selected'] = String(selected);
    if (pressed !== undefined) out['aria-pressed'] = String(pressed);
    if (hidden) out['aria-hidden'] = 'true';
    // A focusable control for keyboard users, as a native button would be.
    if (role === 'button' || role === 'link' || role === 'switch' || role === 'tab') out.tabIndex = '0';
  } else {
    if (role) out.ariaRole = role;
    if (label) out.ariaLabel = label;
    if (checked !== undefined) out.ariaChecked = String(checked);
    if (selected !== undefined) out.ariaSelected = String(selected);
    if (hidden) out.ariaHidden = 'true';
  }
  return out;
}
