import { useRef, type KeyboardEvent } from "react";

export interface TabItem {
  readonly id: string;
  readonly title: string;
  readonly badge?: string;
  readonly hasError?: boolean;
}

/** The DOM ids of a tab and its panel. */
export function tabDomId(id: string): string {
  return `tab-${id.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.codePointAt(0)!.toString(16)}`)}`;
}
export function panelDomId(id: string): string {
  return `panel-${tabDomId(id).slice(4)}`;
}

/**
 * A tab list as assistive technology expects it: one tab in the Tab order, arrow keys, Home and
 * End to move between tabs, and each tab naming its panel.
 */
export function ScenarioTabs({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabDomId(tab.id))}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabDomId(tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelDomId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className={`tab${tab.hasError ? " has-error" : ""}`}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => move(event, index)}
        >
          <span className="tab-title">{tab.title}</span>
          {tab.badge !== undefined && (
            <span className="tab-badge">
              <span className="visually-hidden"> (</span>
              {tab.badge}
              <span className="visually-hidden">)</span>
            </span>
          )}
          {tab.hasError && (
            <>
              <span className="tab-error" aria-hidden="true">
                !
              </span>
              <span className="visually-hidden"> (has a problem)</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
