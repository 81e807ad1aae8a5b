import readline from 'node:readline';

/** Minimal view of a terminal for the prompts; process.stdin / process.stderr in real use. */
export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

export const processTerminal = (): Terminal => ({ input: process.stdin, output: process.stderr });

/** Reads one line from a TTY without echoing it (passwords). Ctrl-C or Ctrl-D aborts. */
export function readHidden(term: Terminal, question: string): Promise<string> {
  const { input, output } = term;
  return new Promise((resolve, reject) => {
    output.write(question);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.resume();
    let value = '';
    const finish = (err: Error | null) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (err) {
        reject(err);
      } else {
        resolve(value);
      }
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          return finish(null);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          return finish(new Error('Cancelled.'));
        }
        if (ch === '\u007f' || ch === '\b') {
          value = [...value].slice(0, -1).join('');
        } else if (ch >= ' ') {
          value += ch;
        }
      }
    };
    input.on('data', onData);
  });
}

/** Asks a question on a TTY and returns the trimmed answer. */
export async function ask(term: Terminal, question: string): Promise<string> {
  const rl = readline.createInterface({ input: term.input, output: term.output, terminal: true });
  try {
    return (await new Promise<string>((resolve) => rl.question(question, resolve))).trim();
  } finally {
    rl.close();
  }
}
