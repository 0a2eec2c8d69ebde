/** What one evaluator returns: pass or fail, and the evidence in English (and Korean). */
export interface Verdict {
  pass: boolean;
  evidence: string;
  evidenceKo?: string;
}
