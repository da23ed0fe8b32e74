/**
 * A translation must be a valid ICU message with the same placeholders ({name}, {count, plural, …}) and
 * tags (<b>…</b>) as the French text: otherwise the page would show raw braces, lose a name or a number,
 * or fail to render.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type Shape = { args: string[]; tags: string[] };

function collect(elements: MessageFormatElement[], shape: { args: Set<string>; tags: Set<string> }): void {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        shape.args.add(el.value);
        break;
      case TYPE.select:
      case TYPE.plural:
        shape.args.add(el.value);
        for (const option of Object.values(el.options)) collect(option.value, shape);
        break;
      case TYPE.tag:
        shape.tags.add(el.value);
        collect(el.children, shape);
        break;
      default:
        break;
    }
  }
}

/** The placeholders and tags of a message, or null when it is not a valid ICU message. */
export function messageShape(text: string): Shape | null {
  try {
    const shape = { args: new Set<string>(), tags: new Set<string>() };
    collect(parse(text), shape);
    return { args: [...shape.args].sort(), tags: [...shape.tags].sort() };
  } catch {
    return null;
  }
}

/** Why a translation cannot be used for this French text (a message key of "Errors"), or null when it can. */
export function translationProblem(source: string, text: string): 'translationSyntax' | 'translationPlaceholders' | null {
  const mine = messageShape(text);
  if (!mine) return 'translationSyntax';
  const theirs = messageShape(source);
  if (!theirs) return null; // French itself is not ICU-parsable: nothing to compare against
  if (mine.args.join() !== theirs.args.join() || mine.tags.join() !== theirs.tags.join()) return 'translationPlaceholders';
  return null;
}
