import type { Plugin } from 'vite';

export const root: string;
export const appDist: string;
export const stampFile: string;
export function clientSourcesHash(): string;
export function buildIsCurrent(): boolean;
export function buildStamp(): Plugin;
export function precompress(): Plugin;
