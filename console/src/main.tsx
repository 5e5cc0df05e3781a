import '@mantine/core/styles.css';
import './ui/theme.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } });

// withCssVariables/withGlobalClasses off: both are <style> tags made at run time, which the console's CSP blocks;
// Mantine's stylesheet carries the default variables and theme.css what differs.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
