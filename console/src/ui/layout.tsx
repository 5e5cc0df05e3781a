import { Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { abilityOf, type Me } from '../auth/me';
import { signOut } from '../auth/session';
import { BASE, navigate, useLocation } from './router';
import { words } from './format';

interface Section {
  to: string;
  label: string;
  /** The API rule that makes the section useful (null: everyone signed in). */
  needs: [action: string, subject: string] | null;
}

const SECTIONS: Section[] = [
  { to: '/', label: 'Dashboard', needs: null },
  { to: '/cases', label: 'Cases', needs: ['read', 'Case'] },
  { to: '/alerts', label: 'Alerts', needs: ['read', 'Alert'] },
  { to: '/reviews', label: 'Reviews', needs: ['read', 'Review'] },
  // The office's work of planning unannounced visits: whoever may read visit plans (never an agency, SPEC §11).
  { to: '/visits', label: 'Visits', needs: ['read', 'VisitPlan'] },
  { to: '/recommendations', label: 'Recommendations', needs: ['read', 'Recommendation'] },
  { to: '/sampling-runs', label: 'Sampling runs', needs: ['read', 'SamplingRun'] },
  { to: '/complaints', label: 'Complaints', needs: ['read', 'Complaint'] },
  { to: '/investigations', label: 'Investigations', needs: ['read', 'Investigation'] },
  { to: '/consistency', label: 'Consistency', needs: ['read', 'Report'] },
  { to: '/annual-report', label: 'Annual report', needs: ['read', 'AnnualReport'] },
];

/** Header, navigation (the sections the API's rules let this user read) and the page. Plain CSS: see theme.css. */
export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { path } = useLocation();
  const ability = abilityOf(me);
  const sections = SECTIONS.filter((s) => s.needs === null || ability.can(s.needs[0], s.needs[1]));
  return (
    <>
      <header className="shell-header">
        <Group wrap="nowrap" gap="sm">
          <Burger
            className="shell-menu-button"
            opened={opened}
            onClick={toggle}
            size="sm"
            aria-label="Sections"
            aria-expanded={opened}
            aria-controls="sections"
          />
          <Text fw={700}>Oversight</Text>
        </Group>
        <Group wrap="nowrap" gap="sm">
          <Text size="sm" className="shell-who">
            {me.email} · {words(me.role)}
            {me.agency ? ` · ${me.agency.name}` : ''}
          </Text>
          <Button variant="default" size="xs" onClick={() => void signOut()}>
            Sign out
          </Button>
        </Group>
      </header>
      <div className="shell">
        <nav className="shell-nav" id="sections" aria-label="Sections" data-open={opened}>
          <Stack gap={2}>
            {sections.map((s) => {
              const active = s.to === '/' ? path === '/' : path.startsWith(s.to);
              return (
                <NavLink
                  key={s.to}
                  href={`${BASE}${s.to}`}
                  label={s.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    close();
                    navigate(s.to);
                  }}
                />
              );
            })}
          </Stack>
        </nav>
        <main className="shell-main">{children}</main>
      </div>
    </>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
