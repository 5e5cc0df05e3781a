import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, dataOrThrow } from '../api/client';
import type { components } from '../api/schema';
import { field } from '../ui/form-field';
import { ProblemAlert } from '../ui/problem-alert';
import { words } from '../ui/format';
import { DECISION_FORMS, type DecisionBody, type DecisionType } from './decision-fields';

type Case = components['schemas']['CaseResponse'];
type Review = components['schemas']['ReviewResponseDto'];

/** A datetime-local value (the browser's local time) as the ISO instant the API takes. */
const instant = (local: string) => new Date(local).toISOString();

/**
 * Records a decision on the case version this page shows. The choices are exactly the case's `allowedDecisions`
 * (the API's answer for this user); each choice asks for the fields its type carries. If someone else decided
 * first, the API answers 409 and its explanation is shown with a way to reload the case.
 */
export function RecordDecision({ found, reviews }: { found: Case; reviews: Review[] }) {
  const [type, setType] = useState<DecisionType | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refreshCase = () =>
    Promise.all(
      ['/api/v1/cases/{id}', '/api/v1/cases/{id}/decisions', '/api/v1/cases/{id}/verification'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key, found.id] }),
      ),
    );
  const record = useMutation({
    mutationFn: async (body: DecisionBody) =>
      dataOrThrow(await api.POST('/api/v1/cases/{id}/decisions', { params: { path: { id: found.id } }, body })),
    onSuccess: async (answer) => {
      const d = answer.decision;
      setRecorded(`Recorded: ${words(d.type)}${d.outcome ? ` (${words(d.outcome)})` : ''}.`);
      setType(null);
      await Promise.all([
        refreshCase(),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/cases'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/v1/alerts'] }),
      ]);
    },
  });
  const movedOn = record.error instanceof ApiProblem && record.error.status === 409;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!type) return;
    setRecorded(null);
    record.mutate(bodyOf(type, found.version, new FormData(event.currentTarget)));
  };
  return (
    <section aria-labelledby="record-decision">
      <Title order={2} size="h3" id="record-decision" mb="xs">
        Record a decision
      </Title>
      <div role="status">{recorded && <Text fw={700}>{recorded}</Text>}</div>
      <form onSubmit={submit} aria-labelledby="record-decision">
        <Stack gap="sm" maw={640}>
          <Radio.Group
            label="Decision"
            description={`On version ${found.version} of the case, as shown.`}
            name="type"
            value={type ?? ''}
            onChange={(value) => {
              setType(value as DecisionType);
              record.reset();
            }}
            required
          >
            <Stack gap={6} mt={6}>
              {found.allowedDecisions.map((t) => (
                <Radio key={t} value={t} label={words(t)} />
              ))}
            </Stack>
          </Radio.Group>
          {type && <DecisionFields key={type} type={type} found={found} reviews={reviews} />}
          <ProblemAlert error={record.error} />
          {movedOn && (
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  void refreshCase().then(() => {
                    // The choices may differ on the new version: choose again.
                    setType(null);
                    record.reset();
                  })
                }
              >
                Reload the case
              </Button>
            </Group>
          )}
          {type && (
            <Group>
              <Button type="submit" loading={record.isPending}>
                Record {words(type).toLowerCase()}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </section>
  );
}

function DecisionFields({ type, found, reviews }: { type: DecisionType; found: Case; reviews: Review[] }) {
  const form = DECISION_FORMS[type];
  const indicators = useQuery({
    queryKey: ['/api/v1/indicators'],
    enabled: Boolean(form.indicators),
    staleTime: Infinity,
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/indicators')),
  });
  return (
    <>
      {form.outcomes && (
        <NativeSelect
          label="Outcome"
          name="outcome"
          required
          data={[{ value: '', label: 'Choose…' }, ...form.outcomes.map((o) => ({ value: o, label: words(o) }))]}
        />
      )}
      {form.at && (
        <TextInput
          type="datetime-local"
          label={type === 'detain' ? 'Detained at (your local time)' : 'Released at (your local time)'}
          name="at"
          required
        />
      )}
      {form.detention && (
        <>
          <TextInput label="Facility" name="facility" required maxLength={200} />
          <TextInput label="Legal basis" name="legalBasis" required maxLength={500} />
        </>
      )}
      {form.riskAssessment && (
        <TextInput
          label="Risk assessment reference"
          name="riskAssessmentRef"
          description="Needed to close with removed or assisted return (non-refoulement)."
          maxLength={200}
        />
      )}
      {form.indicators && (
        <Checkbox.Group
          label="Indicators considered"
          description="Every indicator recorded on the case must be considered."
          name="indicatorsConsidered"
          defaultValue={found.indicators}
        >
          <Group gap="sm" mt={6}>
            {(indicators.data ?? []).map((i) => (
              <Checkbox key={i.code} value={i.code} name="indicatorsConsidered" label={i.label} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {form.review && (
        <NativeSelect
          label="Review that prompted it (optional)"
          name="reviewId"
          data={[
            { value: '', label: 'None' },
            ...reviews.map((r) => ({
              value: r.id,
              label: `${words(r.decisionType)}: ${words(r.finding)}, ${words(r.status)}`,
            })),
          ]}
        />
      )}
      <Textarea
        label={form.reason === 'required' ? 'Reason' : 'Reason (optional)'}
        name="reason"
        required={form.reason === 'required'}
        minLength={form.reasonMin}
        description={form.reasonMin ? `At least ${form.reasonMin} characters.` : undefined}
        maxLength={4000}
        autosize
        minRows={3}
      />
      <TextInput type="datetime-local" label="When it was decided (your local time; empty: now)" name="occurredAt" />
    </>
  );
}

/** The request body: only the fields this type carries (the API refuses others), blanks left out. */
function bodyOf(type: DecisionType, version: number, form: FormData): DecisionBody {
  const spec = DECISION_FORMS[type];
  const text = (name: string) => field(form, name).trim();
  const optional = (name: keyof DecisionBody, value: string | undefined) => (value ? { [name]: value } : {});
  return {
    type,
    expectedVersion: version,
    ...optional('occurredAt', text('occurredAt') ? instant(text('occurredAt')) : undefined),
    ...optional('reason', text('reason')),
    ...(spec.outcomes ? optional('outcome', text('outcome')) : {}),
    ...(spec.at ? optional('at', text('at') ? instant(text('at')) : undefined) : {}),
    ...(spec.detention
      ? { ...optional('facility', text('facility')), ...optional('legalBasis', text('legalBasis')) }
      : {}),
    ...(spec.riskAssessment ? optional('riskAssessmentRef', text('riskAssessmentRef')) : {}),
    ...(spec.review ? optional('reviewId', text('reviewId')) : {}),
    ...(spec.indicators
      ? {
          indicatorsConsidered: form
            .getAll('indicatorsConsidered')
            .filter((v): v is string => typeof v === 'string') as NonNullable<DecisionBody['indicatorsConsidered']>,
        }
      : {}),
  };
}
