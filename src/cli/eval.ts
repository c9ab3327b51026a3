// marsad eval ner|links|times|quotes|events — accuracy on ../shared/data, one module each.
import { UsageError } from './args.js';

const evalUsage = `usage: marsad eval ner|links|times|quotes|events [options]

Measures accuracy on the data in ../shared/data (set MARSAD_SHARED to point elsewhere).`;

type Evaluate = (argv: string[], out: NodeJS.WritableStream) => Promise<number>;

// Each task's evaluator lives beside its module; loaded on demand so one task's data is not
// needed to run another.
const tasks: Record<string, () => Promise<{ evaluate: Evaluate }>> = {
  ner: () => import('../ner/eval.js'),
  links: () => import('../actors/eval.js'),
  times: () => import('../time/eval.js'),
  quotes: () => import('../quotes/eval.js'),
  events: () => import('../events/eval.js'),
};

export async function runEval(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const [task, ...rest] = argv;
  if (task === undefined || task === '--help' || task === '-h') {
    (task === undefined ? err : out).write(evalUsage + '\n');
    return task === undefined ? 2 : 0;
  }
  const load = tasks[task];
  if (!load) throw new UsageError(`unknown task ${JSON.stringify(task)}\n\n${evalUsage}`);
  const mod = await load();
  try {
    return await mod.evaluate(rest, out);
  } catch (e) {
    if ((e as Error).message === 'not built yet') {
      err.write(`marsad eval ${task}: not built yet — arrives with its issue\n`);
      return 2;
    }
    throw e;
  }
}
