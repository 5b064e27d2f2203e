// "Why does it look like this": the surprising but correct parts of the picture, explained.
export function WhyLines({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="why">
      <h3>Why does it look like this?</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
