// @ts-nocheck
// Planted secrets and look-alikes for the scanning suites, the e2e scan journey and bench:scan,
// drawn from the detector corpus (test/corpus): every value is generated from a seed, none is real.
import { KINDS } from "../corpus";
import { Gen } from "../corpus/gen";

export type Planted = { detectorId: string; secret: string; text: string };

export class SecretMaker {
  private readonly g: Gen;
  private turn = 0;
  constructor(seed = 7) {
    this.g = new Gen(seed);
  }

  /**
   * One planter per kind of secret (75 of them), keyed by detector id. Each call writes a new secret
   * of that kind, in turn in each way the corpus writes it that holds exactly one secret.
   */
  kinds(): Record<string, () => Planted> {
    const out: Record<string, () => Planted> = {};
    for (const kind of KINDS) {
      out[kind.id] = () => {
        for (;;) {
          const example = kind.trues[this.turn++ % kind.trues.length](this.g);
          if (example.expected.length === 1) return { ...example.expected[0], text: example.text };
        }
      };
    }
    return out;
  }

  /** Text that looks like a secret to a careless rule but is not one: every kind's look-alikes. */
  lookAlikes(): string[] {
    return KINDS.flatMap((kind) => kind.lookAlikes.map((make) => make(this.g)));
  }
}
