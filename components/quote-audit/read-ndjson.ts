// Reads a streamed NDJSON response line by line, as each line arrives.
export async function readNdjson(response: Response, onLine: (line: unknown) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(JSON.parse(line));
      newline = buffered.indexOf("\n");
    }
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}
