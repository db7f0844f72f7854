import { configFields, EXPERIMENTS, type ExperimentId, getExperiment, selectRules } from '@rfa/experiments';
import {
  BACKENDS,
  type BackendChoice,
  MAX_SEEDS,
  type RunSettings,
  resolveRun,
} from '../app/run-settings.js';
import { SettingsError } from '../app/settings-error.js';
import { el } from './dom.js';
import { ruleSwatch } from './rule-swatch.js';

/** Config fields the form leaves out (the rule checkboxes stand for fig3a's `rules`). */
const HIDDEN = new Set(['rules']);

const valueAt = (config: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], config);

/**
 * The controls, in groups: the experiment, its rules, the run (buttons, seeds), the speed
 * (pacing, backend), then every config field of the experiment, folded away.
 */
export class SettingsForm {
  readonly root: HTMLFormElement;
  private settings: RunSettings;

  /**
   * @param runControls the Start, Pause, Step and Reset buttons, shown in the Run group
   */
  constructor(
    initial: RunSettings,
    private readonly runControls: HTMLElement,
  ) {
    this.settings = initial;
    this.root = el('form', { class: 'settings', 'aria-label': 'run settings' });
    this.root.addEventListener('submit', (e) => e.preventDefault());
    this.render();
  }

  /** Re-fills the form from settings (a new experiment, a shared link). */
  load(s: RunSettings): void {
    this.settings = s;
    this.render();
  }

  /** What the form says now; config fields that differ from the demo preset become overrides. */
  read(): RunSettings {
    const f = this.root;
    const get = (name: string) => (f.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const experiment = get('experiment') as ExperimentId;
    const rules = [...f.querySelectorAll<HTMLInputElement>('input[name="rule"]:checked')].map((i) => i.value);
    if (rules.length === 0) throw new SettingsError('rules', 'choose at least one rule to run');
    const overrides: Record<string, unknown> = {};
    for (const input of f.querySelectorAll<HTMLInputElement>('input[data-field]')) {
      if (input.value === input.dataset.base) continue;
      const raw = input.value.trim();
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // a bare word stays a string (the schema says whether it fits)
      }
      overrides[input.dataset.field as string] = value;
    }
    return {
      experiment,
      rules,
      overrides,
      seed: Number(get('seed')),
      seeds: Number(get('seeds')),
      backend: get('backend') as BackendChoice,
      stepsPerFrame: Number(get('stepsPerFrame')),
    };
  }

  private render(): void {
    const s = this.settings;
    const exp = getExperiment(s.experiment);
    let config: Record<string, unknown> = {};
    let chosen: string[] = [];
    try {
      ({ config, rules: chosen } = resolveRun(s));
    } catch {
      const base = resolveRun({ ...s, overrides: {}, rules: [] });
      config = base.config;
      chosen = s.rules.length ? s.rules : base.rules;
    }
    const preset = resolveRun({ ...s, overrides: {}, rules: [] }).config;
    const defaults = selectRules(exp, preset);
    const field = (label: string, input: HTMLElement, help?: string) =>
      el(
        'label',
        { class: 'field' },
        el('span', { text: label }),
        input,
        help ? el('small', { text: help }) : null,
      );
    this.root.replaceChildren(
      el(
        'fieldset',
        { class: 'group' },
        el('legend', { text: 'Experiment' }),
        field(
          'Figure of the paper',
          el(
            'select',
            {
              name: 'experiment',
              onchange: (e: Event) =>
                this.load({
                  ...this.settings,
                  experiment: (e.target as HTMLSelectElement).value as ExperimentId,
                  rules: [],
                  overrides: {},
                }),
            },
            ...Object.values(EXPERIMENTS).map((x) =>
              el('option', { value: x.id, selected: x.id === s.experiment, text: x.title }),
            ),
          ),
          `In this demo: ${exp.browser.note}`,
        ),
      ),
      el(
        'fieldset',
        { class: 'group rules' },
        el('legend', { text: 'Learning rules, side by side' }),
        ...Object.entries(exp.rules).map(([key, r]) =>
          el(
            'label',
            { class: 'rule', title: r.description },
            el('input', {
              type: 'checkbox',
              name: 'rule',
              value: key,
              checked: chosen.includes(key) || (chosen.length === 0 && defaults.includes(key)),
            }),
            ruleSwatch(key),
            el('span', { class: 'rule-name', text: key }),
          ),
        ),
      ),
      el(
        'fieldset',
        { class: 'group run' },
        el('legend', { text: 'Run' }),
        this.runControls,
        el(
          'div',
          { class: 'pair' },
          field('First seed', el('input', { name: 'seed', type: 'number', min: 1, step: 1, value: s.seed })),
          field(
            'Seeds',
            el('input', { name: 'seeds', type: 'number', min: 1, max: MAX_SEEDS, step: 1, value: s.seeds }),
          ),
        ),
        el('small', {
          class: 'help',
          text: `Seeds run one after another (1 to ${MAX_SEEDS}); the curves are their mean, with ±1 s.d. over seeds where the paper’s figure has it.`,
        }),
      ),
      el(
        'fieldset',
        { class: 'group' },
        el('legend', { text: 'Speed' }),
        field(
          'Steps per frame',
          el('input', { name: 'stepsPerFrame', type: 'number', min: 0, step: 1, value: s.stepsPerFrame }),
          '0: as fast as it goes; 1 to watch each step',
        ),
        field(
          'Backend',
          el(
            'select',
            { name: 'backend' },
            ...BACKENDS.map((b) =>
              el('option', {
                value: b,
                selected: b === s.backend,
                text: b === 'cpu' ? 'CPU (WebAssembly)' : b === 'webgl2' ? 'GPU: WebGL2' : 'GPU: WebGPU',
              }),
            ),
          ),
        ),
      ),
      el(
        'details',
        { class: 'config' },
        el('summary', { text: 'Network and learning settings' }),
        ...configFields(exp)
          .filter((f) => !HIDDEN.has(f.key))
          .map((f) =>
            field(
              f.key,
              el('input', {
                name: `field:${f.key}`,
                'data-field': f.key,
                'data-base': JSON.stringify(valueAt(preset, f.key)),
                value: JSON.stringify(valueAt(config, f.key)),
                spellcheck: false,
              }),
              f.description,
            ),
          ),
      ),
    );
  }
}
