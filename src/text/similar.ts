/** Names and terms that look alike: for "did you mean" suggestions (file names, vocabulary, terms). */

/** Folds what macOS and Windows file systems treat as the same name: letter case and NFC/NFD. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Edit distance where swapping two neighbours (Rsut -> Rust) is one edit, not two. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Names close to the one asked for: same name with another extension, or a small typo. */
export function closeNames(name: string, names: Iterable<string>): string[] {
  const wanted = foldName(name);
  const stem = wanted.replace(/\.[^.]*$/, '');
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
  const scored: [string, number][] = [];
  for (const candidate of names) {
    const folded = foldName(candidate);
    const score = folded.replace(/\.[^.]*$/, '') === stem ? 0 : distance(wanted, folded);
    if (score <= limit) scored.push([candidate, score]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([candidate]) => candidate);
}
