/** Text made safe to place in HTML or XML, as element content or a quoted attribute value. */
export function escapeMarkup(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
