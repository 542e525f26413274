import { useEffect, useState, type InputHTMLAttributes } from "react";
import { numberText, parseNumberText } from "../case/quantity-form.js";
import { markEdit } from "../timing.js";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  readonly value: unknown;
  readonly integer?: boolean;
  readonly onValue: (value: number | string | undefined) => void;
};

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * A text box for a number. It keeps what the user types ("4.", "-") while the data holds the
 * parsed value, and follows the data when it changes from elsewhere (undo, a loaded file).
 */
export function NumberText({ value, integer, onValue, ...rest }: Props) {
  const [draft, setDraft] = useState(() => numberText(value));
  useEffect(() => {
    if (!same(parseNumberText(draft), value)) setDraft(numberText(value));
    // Only a change of the data from outside should overwrite the draft.
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      autoComplete="off"
      spellCheck={false}
      value={draft}
      onChange={(event) => {
        markEdit();
        setDraft(event.target.value);
        onValue(parseNumberText(event.target.value));
      }}
    />
  );
}
