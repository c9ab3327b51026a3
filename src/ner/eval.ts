// `marsad eval` for this module. Placeholder until its issue lands.
export async function evaluate(_argv: string[], _out: NodeJS.WritableStream): Promise<number> {
  throw new Error('not built yet');
}
