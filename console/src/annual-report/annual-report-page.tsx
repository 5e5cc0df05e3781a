import { Button, Group, List, NativeSelect, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem } from '../api/client';
import { PageTitle } from '../ui/layout';
import { ProblemAlert } from '../ui/problem-alert';
import { navigate, useLocation } from '../ui/router';

const FIRST_YEAR = 2000;

/** The API's print-ready annual report for `year` as HTML text (the bearer token goes with it, so no plain link). */
async function annualReport(year: number): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/reports/annual', {
    params: { query: { year } },
    headers: { accept: 'text/html' },
    parseAs: 'text',
  });
  if (data === undefined || !response.ok) throw new ApiProblem(response.status, error);
  return data;
}

/**
 * What the console shows of the report: its title, its note on the period and its sections' headings, read as
 * text from an inert parse of the document (DOMParser runs no script and loads nothing) and rendered by React as
 * text. The report itself is not shown in the page: its print stylesheet is inline, which the console's CSP refuses,
 * and framing it would need a looser policy. It is downloaded whole instead, to open, print or lay before parliament.
 */
function summaryOf(html: string): { title: string; note: string; sections: string[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const text = (el: Element | null) => el?.textContent?.trim() ?? '';
  return {
    title: text(doc.querySelector('h1')),
    note: text(doc.querySelector('p.note')),
    sections: [...doc.querySelectorAll('h2')].map((h) => text(h)),
  };
}

/** Saves text as a file the browser downloads, through a blob: URL made and revoked here. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AnnualReportPage() {
  const { search } = useLocation();
  const thisYear = new Date().getUTCFullYear();
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear - 1;
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['/api/v1/reports/annual', { year }],
    queryFn: () => annualReport(year),
    staleTime: 5 * 60_000,
  });
  const summary = report.data ? summaryOf(report.data) : null;
  const fileName = `annual-report-${year}.html`;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  return (
    <>
      <PageTitle>Annual report</PageTitle>
      <Group align="end" mb="md">
        <NativeSelect
          label="Year"
          value={String(year)}
          onChange={(e) => {
            setDownloaded(null);
            navigate(`/annual-report?year=${e.currentTarget.value}`);
          }}
          data={years}
        />
        <Button
          disabled={!report.data}
          loading={report.isFetching}
          onClick={() => {
            if (!report.data) return;
            download(report.data, fileName);
            setDownloaded(fileName);
          }}
        >
          Download the report (HTML)
        </Button>
      </Group>
      <Text size="sm" mb="md">
        A print-ready document (A4) for the calendar year in UTC{year === thisYear ? ', so far' : ''}: open the
        downloaded file in a browser to read or print it.
      </Text>
      <div role="status">{downloaded && <Text>Saved as {downloaded}.</Text>}</div>
      <ProblemAlert error={report.error} />
      {report.isPending && <Text>Preparing the report…</Text>}
      {summary && (
        <section aria-labelledby="report-summary">
          <Title order={2} size="h3" id="report-summary">
            {summary.title}
          </Title>
          <Text size="sm" mb="sm">
            {summary.note}
          </Text>
          <Text fw={700}>Contents</Text>
          <List type="ordered">
            {summary.sections.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </section>
      )}
    </>
  );
}
