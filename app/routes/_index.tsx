export default function Home() {
  return (
    <main id="main" className="p-4">
      村播
    </main>
  );
}
