import { useCallback, useState } from 'preact/hooks';
import { uniqueProblems, type Problem } from '../lib/problems/problems';

/**
 * What went wrong underneath a page, for `ProblemNotice`: `report` adds a problem (each shows
 * once) and logs the error for whoever reads the console. The page keeps showing what it can.
 */
export function useProblems(): [Problem[], (problem: Problem, error?: unknown) => void] {
  const [problems, setProblems] = useState<Problem[]>([]);
  const report = useCallback((problem: Problem, error?: unknown) => {
    if (error !== undefined) console.error('steadfast:', problem, error);
    setProblems((met) => (met.includes(problem) ? met : uniqueProblems([...met, problem])));
  }, []);
  return [problems, report];
}
