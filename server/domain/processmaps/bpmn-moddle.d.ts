/* bpmn-moddle ships types for its model but none for its default export: the part Navet calls, typed narrowly. */
declare module 'bpmn-moddle' {
  export interface ModdleNode {
    $type: string;
    id?: string;
    name?: string;
    $attrs?: Record<string, string>;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [key: string]: unknown;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, attrs?: Record<string, unknown>): ModdleNode;
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleNode; warnings: { message: string }[] }>;
    toXML(element: ModdleNode, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
