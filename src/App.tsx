import { AppHeader } from './components/AppHeader';

export function App() {
  return (
    <>
      <AppHeader />
      <main>
        <p>Scenario view coming soon.</p>
      </main>
    </>
  );
}
