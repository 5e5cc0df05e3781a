import { Alert, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { field } from '../ui/form-field';
import { Link } from '../ui/link';

/**
 * Asks for a set-password link (`POST /auth/password-reset`). The API answers 202 for any address, known or not,
 * and so does this page: it never tells whether an account exists.
 */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const { response } = await api.POST('/api/v1/auth/password-reset', {
      body: { email: field(new FormData(event.currentTarget), 'email') },
    });
    setBusy(false);
    if (response.ok) setSent(true);
    else setError(`The request was refused (${response.status}). Try again in a minute.`);
  };
  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} mb="lg">
        Forgot your password?
      </Title>
      {sent ? (
        <Stack>
          <Alert color="green" role="status">
            If the address belongs to an account, a link to set a new password is on its way. It works once, for 72
            hours.
          </Alert>
          <Link to="/">Back to sign-in</Link>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Text size="sm">We e-mail a one-time link to the address of your account.</Text>
            <TextInput label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
            <Button type="submit" loading={busy}>
              Send the link
            </Button>
            <Link to="/">Back to sign-in</Link>
          </Stack>
        </form>
      )}
    </Container>
  );
}
