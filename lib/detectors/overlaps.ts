import type { Found } from "./engine";

/**
 * Overlapping findings keep the most specific: the lowest rank, then the earliest, then the longest.
 * A token inside a generic `password = …` assignment is reported once, as the token. Rank by rank,
 * each candidate is checked against what lower ranks kept by binary search: n log n, however many.
 */
export function resolveOverlaps(found: Found[]): Found[] {
  let kept: Found[] = [];
  for (const rank of [...new Set(found.map((f) => f.rank))].sort((a, b) => a - b)) {
    const group = found.filter((f) => f.rank === rank).sort((a, b) => a.start - b.start || b.end - a.end);
    const accepted: Found[] = [];
    let lastEnd = -1;
    for (const f of group) {
      if (f.start < lastEnd || overlapsAny(kept, f)) continue;
      accepted.push(f);
      lastEnd = f.end;
    }
    kept = mergeByStart(kept, accepted);
  }
  return kept;
}

/** `sorted` holds disjoint spans in order, so their ends are in order too. */
function overlapsAny(sorted: Found[], f: Found): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= f.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < f.end;
}

function mergeByStart(a: Found[], b: Found[]): Found[] {
  if (!a.length) return b;
  const out: Found[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return out;
}
