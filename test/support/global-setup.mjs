// Names this test run. Each e2e file clones the run's template database, which
// the first file to need it creates with the real migrations (test-database.ts);
// global teardown drops every database of the run.
export default async function globalSetup() {
  process.env.OVERSIGHT_TEST_RUN = `${Date.now().toString(36)}${process.pid}`;
}
