import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { BASE, navigate } from './router';

/** A real link (open in a new tab works) that moves within the page without reloading it. */
export function Link({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={`${BASE}${to}`} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
