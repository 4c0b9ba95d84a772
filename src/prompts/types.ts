/** What commands ask of a terminal; `src/prompts/inquirer.ts` is the one implementation that talks to one. */

export type Validate = (value: string) => true | string | Promise<true | string>;

export interface Choice<T> {
  value: T;
  name?: string;
  checked?: boolean;
}

export interface Prompter {
  input(question: { message: string; default?: string; validate?: Validate }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  checkbox<T>(question: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  select<T>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
}
