import { Alert } from '@mantine/core';

/** A refusal or failure as the API explained it, shown as text. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" title="The API refused" role="alert">
      {error instanceof Error ? error.message : 'The request failed.'}
    </Alert>
  );
}
