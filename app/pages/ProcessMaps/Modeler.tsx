import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
interface Modeling {
  updateLabel(element: unknown, name: string): void;
}

/**
 * The bpmn.io modeler. bpmn-js and its CSS are imported here, on the map page
 * only, so they never weigh on the first load. The canvas is not accessible
 * to a keyboard or screen reader: everything on it is also listed and
 * editable in the plain forms beside it.
 */
export const Modeler = forwardRef<ModelerHandle, { xml: string }>(function Modeler({ xml }, ref) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const modeler = useRef<BpmnModeler | null>(null);
  const [failed, setFailed] = useState(false);

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
