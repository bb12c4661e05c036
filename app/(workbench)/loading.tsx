export default function Loading() {
  return (
    <p role="status" className="text-stone-700">
      Loading…
    </p>
  );
}
