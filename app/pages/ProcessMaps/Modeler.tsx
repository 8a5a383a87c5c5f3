import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasMark } from './Conformance.tsx';

/** What the map page asks of the canvas: the drawn map as XML, and a rename from the plain form. */
export interface ModelerHandle {
  xml(): Promise<string | null>;
  rename(elementId: string, name: string): void;
}

interface BpmnModeler {
  importXML(xml: string): Promise<unknown>;
  saveXML(o: { format: boolean }): Promise<{ xml?: string }>;
  get(name: string): unknown;
  destroy(): void;
}
interface Registry {
  get(id: string): unknown;
}
interface Overlays {
  add(elementId: string, type: string, o: { position: { bottom?: number; right?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(elementId: string, cls: string): void;
  removeMarker(elementId: string, cls: string): void;
}
interface Modeling {
  updateLabel(element: unknown, name: string): void;
}

/**
 * The bpmn.io modeler. bpmn-js and its CSS are imported here, on the map page
 * only, so they never weigh on the first load. The canvas is not accessible
 * to a keyboard or screen reader: everything on it is also listed and
 * editable in the plain forms beside it.
 */
const OVERLAY = 'navet-conformance';
const markers = ['navet-good', 'navet-fair', 'navet-poor', 'navet-unknown'];

/**
 * Draws the conformance overlay with bpmn-js's overlays and markers: the element's fill and border pattern by
 * its status, and a badge with the status's sign and words. Elements the drawn version lacks are skipped.
 */
function drawMarks(m: BpmnModeler, marks: CanvasMark[]) {
  const overlays = m.get('overlays') as Overlays;
  const canvas = m.get('canvas') as Canvas;
  const registry = m.get('elementRegistry') as Registry;
  overlays.remove({ type: OVERLAY });
  for (const mark of marks) {
    if (!registry.get(mark.elementId)) continue;
    for (const cls of markers) canvas.removeMarker(mark.elementId, cls);
    canvas.addMarker(mark.elementId, `navet-${mark.status}`);
    const badge = document.createElement('div');
    badge.className = `navet-badge navet-canvas-mark navet-badge--${mark.status}`;
    badge.textContent = mark.text;
    overlays.add(mark.elementId, OVERLAY, { position: { bottom: 14, right: 0 }, html: badge });
  }
}

export const Modeler = forwardRef<ModelerHandle, { xml: string; marks?: CanvasMark[] }>(function Modeler(
  { xml, marks = [] },
  ref,
) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const modeler = useRef<BpmnModeler | null>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(0);

  useEffect(() => {
    let gone = false;
    void (async () => {
      try {
        const [{ default: BpmnJs }] = await Promise.all([
          import('bpmn-js/lib/Modeler'),
          import('bpmn-js/dist/assets/diagram-js.css'),
          import('bpmn-js/dist/assets/bpmn-js.css'),
          import('bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css'),
        ]);
        if (gone || !box.current) return;
        const m = new BpmnJs({ container: box.current }) as unknown as BpmnModeler;
        modeler.current = m;
        await m.importXML(xml);
        if (!gone) setReady((n) => n + 1);
      } catch {
        if (!gone) setFailed(true);
      }
    })();
    return () => {
      gone = true;
      modeler.current?.destroy();
      modeler.current = null;
    };
  }, [xml]);

  // After every import and whenever the figures change: marks are drawn on what the canvas holds now.
  const key = JSON.stringify(marks);
  useEffect(() => {
    if (modeler.current && ready > 0) drawMarks(modeler.current, JSON.parse(key) as CanvasMark[]);
  }, [key, ready]);

  useImperativeHandle(ref, () => ({
    async xml() {
      const m = modeler.current;
      return m ? ((await m.saveXML({ format: true })).xml ?? null) : null;
    },
    rename(elementId, name) {
      const m = modeler.current;
      const element = m ? (m.get('elementRegistry') as Registry).get(elementId) : undefined;
      if (m && element) (m.get('modeling') as Modeling).updateLabel(element, name);
    },
  }));

  return (
    <div>
      {failed ? <p role="alert">{t('processmaps.canvasFailed')}</p> : null}
      <div
        ref={box}
        className="bpmn-canvas"
        role="region"
        aria-label={t('processmaps.canvasLabel')}
        style={{ height: '520px', border: '1px solid #ccc' }}
      />
    </div>
  );
});
