import { Text } from '@mantine/core';
import { useEffect, type ReactElement } from 'react';
import { useMe, type Me } from './auth/me';
import { refresh, useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { AlertPage } from './alerts/alert-page';
import { AlertsPage } from './alerts/alerts-page';
import { AnnualReportPage } from './annual-report/annual-report-page';
import { ForgotPasswordPage } from './auth/forgot-password-page';
import { SetPasswordPage } from './auth/set-password-page';
import { CaseListPage } from './cases/case-list-page';
import { CasePage } from './cases/case-page';
import { ComplaintListPage } from './complaints/complaint-list-page';
import { ComplaintPage } from './complaints/complaint-page';
import { ConsistencyPage } from './consistency/consistency-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { IssueRecommendationPage } from './recommendations/issue-recommendation-page';
import { RecommendationListPage } from './recommendations/recommendation-list-page';
import { RecommendationPage } from './recommendations/recommendation-page';
import { InvestigationListPage } from './investigations/investigation-list-page';
import { InvestigationPage } from './investigations/investigation-page';
import { ReviewQueuePage } from './reviews/review-queue-page';
import { PlanPage } from './visits/plan-page';
import { PlanVisitPage } from './visits/plan-visit-page';
import { VisitListPage } from './visits/visit-list-page';
import { VisitPage } from './visits/visit-page';
import { SamplingRunPage } from './sampling/sampling-run-page';
import { SamplingRunsPage } from './sampling/sampling-runs-page';
import { Layout, PageTitle } from './ui/layout';
import { ProblemAlert } from './ui/problem-alert';
import { useLocation } from './ui/router';

/** Pages for people who cannot sign in yet: they work with or without a session. */
const WITHOUT_SESSION: Record<string, () => ReactElement> = {
  '/set-password': SetPasswordPage,
  '/forgot-password': ForgotPasswordPage,
};

export function App() {
  const session = useSession();
  const { path } = useLocation();
  // A reload keeps no token: the refresh cookie (if any) gets a new one.
  useEffect(() => void refresh(), []);
  const Open = WITHOUT_SESSION[path];
  if (Open) return <Open />;
  if (session.status === 'unknown') return <Text p="md">Loading…</Text>;
  if (session.status === 'signed-out') return <SignInPage reason={session.reason} />;
  return <SignedIn />;
}

function SignedIn() {
  const me = useMe();
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Text p="md">Loading…</Text>;
  return (
    <Layout me={me.data}>
      <Screen me={me.data} />
    </Layout>
  );
}

const CASE_PAGE = /^\/cases\/([0-9a-f-]{36})$/;
const COMPLAINT_PAGE = /^\/complaints\/([0-9a-f-]{36})$/;
const INVESTIGATION_PAGE = /^\/investigations\/([0-9a-f-]{36})$/;
const ALERT_PAGE = /^\/alerts\/([0-9a-f-]{36})$/;
const VISIT_PAGE = /^\/visits\/([0-9a-f-]{36})$/;
const PLAN_PAGE = /^\/visits\/plans\/([0-9a-f-]{36})$/;
const RECOMMENDATION_PAGE = /^\/recommendations\/([0-9a-f-]{36})$/;
const SAMPLING_RUN_PAGE = /^\/sampling-runs\/([0-9a-f-]{36})$/;

function Screen({ me }: { me: Me }) {
  const { path } = useLocation();
  const casePage = CASE_PAGE.exec(path);
  const complaintPage = COMPLAINT_PAGE.exec(path);
  const investigationPage = INVESTIGATION_PAGE.exec(path);
  const alertPage = ALERT_PAGE.exec(path);
  const visitPage = VISIT_PAGE.exec(path);
  const planPage = PLAN_PAGE.exec(path);
  if (path === '/') return <DashboardPage />;
  if (path === '/cases') return <CaseListPage />;
  if (casePage) return <CasePage key={casePage[1]} id={casePage[1]} me={me} />;
  if (path === '/alerts') return <AlertsPage me={me} />;
  if (alertPage) return <AlertPage key={alertPage[1]} id={alertPage[1]} me={me} />;
  if (path === '/reviews') return <ReviewQueuePage />;
  if (path === '/visits') return <VisitListPage me={me} />;
  if (path === '/visits/plan') return <PlanVisitPage me={me} />;
  if (visitPage) return <VisitPage key={visitPage[1]} id={visitPage[1]} me={me} />;
  if (planPage) return <PlanPage key={planPage[1]} id={planPage[1]} />;
  if (path === '/recommendations') return <RecommendationListPage me={me} />;
  if (path === '/recommendations/new') return <IssueRecommendationPage me={me} />;
  const recommendationPage = RECOMMENDATION_PAGE.exec(path);
  if (recommendationPage) return <RecommendationPage key={recommendationPage[1]} id={recommendationPage[1]} me={me} />;
  if (path === '/sampling-runs') return <SamplingRunsPage me={me} />;
  const samplingRunPage = SAMPLING_RUN_PAGE.exec(path);
  if (samplingRunPage) return <SamplingRunPage key={samplingRunPage[1]} id={samplingRunPage[1]} me={me} />;
  if (path === '/complaints') return <ComplaintListPage me={me} />;
  if (complaintPage) return <ComplaintPage key={complaintPage[1]} id={complaintPage[1]} me={me} />;
  if (path === '/investigations') return <InvestigationListPage me={me} />;
  if (investigationPage) return <InvestigationPage key={investigationPage[1]} id={investigationPage[1]} me={me} />;
  if (path === '/consistency') return <ConsistencyPage />;
  if (path === '/annual-report') return <AnnualReportPage />;
  return <PageTitle>Not found</PageTitle>;
}
