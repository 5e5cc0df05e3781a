/** A text field of a submitted form ('' when absent): FormData may also hold files. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
