import { Button, Container, PasswordInput, Stack, TextInput, Title, Alert } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { field } from '../ui/form-field';
import { Link } from '../ui/link';
import { signIn } from './session';

export function SignInPage({ reason }: { reason?: string }) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(await signIn(field(form, 'email'), field(form, 'password')));
    setBusy(false);
  };
  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} mb="lg">
        Sign in to Oversight
      </Title>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          {(error ?? reason) && (
            <Alert color={error ? 'red' : 'blue'} role="alert">
              {error ?? reason}
            </Alert>
          )}
          <TextInput label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
          <PasswordInput label="Password" name="password" autoComplete="current-password" required />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </Stack>
      </form>
    </Container>
  );
}
