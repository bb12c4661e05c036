/**
 * Does the claim's speaker match the passage's? A plain sentence when they differ, else null.
 * Names are compared by their last word after dropping titles ("President Putin", "PUTIN:",
 * "Vladimir Putin" are one person); no speaker on either side says nothing.
 */
const TITLES = /\b(?:mr|mrs|ms|dr|president|prime|minister|secretary|general|sir|the|us|u\.s\.)\.?\s+/giu;

export function speakerKey(name: string): string {
  const words = name.replace(/[:：]\s*$/u, "").replace(TITLES, " ").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];
  return words[words.length - 1] ?? "";
}

export function speakerNote(claimSpeaker: string | null, passageSpeaker: string | null): string | null {
  if (!claimSpeaker?.trim() || !passageSpeaker?.trim()) return null;
  if (speakerKey(claimSpeaker) === speakerKey(passageSpeaker)) return null;
  return `The article attributes this to ${claimSpeaker.trim()}; the source passage is spoken by ${passageSpeaker.trim().replace(/[:：]\s*$/u, "")}.`;
}
