import { Text, type TextProps } from '@mantine/core';

/**
 * Text someone typed into the system (a pseudonym, a facility, a rationale): rendered as a React text node, so
 * markup stays text; `unicode-bidi: isolate` keeps a right-to-left override inside its own box, and long words wrap.
 */
export function UserText({ value, ...props }: TextProps & { value: string | null | undefined }) {
  return (
    <Text component="span" className="user-text" inherit {...props}>
      {value ?? '—'}
    </Text>
  );
}
