import { useEffect, useState, type RefObject } from 'react';
import type { ChildT } from './childText.ts';
import { Icon } from './Icon.tsx';

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/** The device's voices; browsers load them late and say so with `voiceschanged`. */
function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth()?.getVoices() ?? []);
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoices(s.getVoices());
    update();
    s.addEventListener('voiceschanged', update);
    return () => s.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

/** A voice for a BCP 47 tag: the exact one, else one of the same language (fa-IR reads Dari well enough). */
function voiceFor(voices: SpeechSynthesisVoice[], tag: string): SpeechSynthesisVoice | null {
  const norm = (s: string) => s.toLowerCase().replace('_', '-');
  const base = norm(tag).split('-')[0];
  return (
    voices.find((v) => norm(v.lang) === norm(tag)) ?? voices.find((v) => norm(v.lang).split('-')[0] === base) ?? null
  );
}

interface ReadAloudProps {
  t: ChildT;
  /** `_meta.speechLang` of the page's language. */
  speechLang: string;
  /** What to read: the page's main content. */
  target: RefObject<HTMLElement | null>;
}

/**
 * Reads the page aloud with the device's own speech (nothing leaves the
 * phone). Where the device has no voice for the language, it says so instead
 * of reading the text in a voice that cannot pronounce it.
 */
export function ReadAloud({ t, speechLang, target }: ReadAloudProps) {
  const voices = useVoices();
  const [speaking, setSpeaking] = useState(false);
  const voice = voiceFor(voices, speechLang);

  // A new language (or leaving the page) stops what is being read.
  useEffect(() => {
    return () => {
      synth()?.cancel();
      setSpeaking(false);
    };
  }, [speechLang]);

  if (!synth() || !voice) {
    return (
      <p className="cv-novoice">
        <Icon name="speakerOff" />
        {t('readAloud.noVoice')}
      </p>
    );
  }

  const toggle = () => {
    const s = synth();
    if (!s) return;
    if (speaking) {
      s.cancel();
      setSpeaking(false);
      return;
    }
    const text = target.current?.innerText ?? '';
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = speechLang;
    utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    s.cancel();
    s.speak(utterance);
    setSpeaking(true);
  };

  return (
    <button type="button" className="cv-button cv-button--secondary cv-read" onClick={toggle}>
      <Icon name={speaking ? 'stop' : 'speaker'} />
      {speaking ? t('readAloud.stop') : t('readAloud.start')}
    </button>
  );
}
