export function AppHeader() {
  return (
    <header>
      <h1>fpsimd-viz</h1>
      <p>arm64 Linux FP/SIMD register ownership, host and KVM guests</p>
    </header>
  );
}
