import { Alert, Button, Container, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, type Problem } from '../api/client';
import { field } from '../ui/form-field';
import { Link } from '../ui/link';

/** The one-time token of an e-mailed link, from the fragment (`#token=…`): a fragment never reaches a server. */
function tokenOf(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? undefined;
}

/**
 * Where the link of a new account's or a reset e-mail lands (`/console/set-password#token=…`, SPEC §8). The token
 * leaves the address bar as soon as the page reads it, so it is not kept in the history or shown over a shoulder.
 */
export function SetPasswordPage() {
  const [token] = useState(() => {
    const found = tokenOf(window.location.hash);
    window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  const [outcome, setOutcome] = useState<{ done: boolean; error?: string }>({ done: false });
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = field(form, 'password');
    if (password !== field(form, 'repeat')) {
      setOutcome({ done: false, error: 'The two passwords differ.' });
      return;
    }
    setBusy(true);
    const { response, error } = await api.POST('/api/v1/auth/set-password', { body: { token: token ?? '', password } });
    const problem = error as (Problem & { errors?: { field: string; message: string }[] }) | undefined;
    setOutcome(
      response.ok
        ? { done: true }
        : {
            done: false,
            error:
              problem?.errors?.map((e) => `${e.field} ${e.message}`).join('; ') ??
              problem?.detail ??
              `The API answered ${response.status}.`,
          },
    );
    setBusy(false);
  };
  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} mb="lg">
        Set your password
      </Title>
      {outcome.done ? (
        <Stack>
          <Alert color="green" role="status">
            Your password is set.
          </Alert>
          <Link to="/">Sign in</Link>
        </Stack>
      ) : !token ? (
        <Stack>
          <Alert color="red" role="alert">
            This address holds no set-password token. Open the link from the e-mail again, or ask for a new one.
          </Alert>
          <Link to="/forgot-password">Ask for a new link</Link>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            {outcome.error && (
              <Alert color="red" role="alert">
                {outcome.error}
              </Alert>
            )}
            <Text size="sm">The link works once, for 72 hours. Choose at least 12 characters.</Text>
            <PasswordInput
              label="New password"
              name="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={128}
              required
              autoFocus
            />
            <PasswordInput
              label="The same again"
              name="repeat"
              autoComplete="new-password"
              minLength={12}
              maxLength={128}
              required
            />
            <Button type="submit" loading={busy}>
              Set password
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
