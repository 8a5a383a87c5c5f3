/**
 * Small line icons drawn inline: an emoji depends on the phone's fonts and
 * shows as an empty box where they lack it. Always decorative: the words
 * beside each icon carry the meaning.
 */
const paths = {
  globe:
    'M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3zM12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  phone: 'M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  message: 'M4 5h16v11H9l-5 4z',
  mail: 'M3 5h18v14H3zM3 7l9 6 9-6',
  speaker: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  speakerOff: 'M4 9h4l5-4v14l-5-4H4zM16 9l6 6M22 9l-6 6',
  stop: 'M6 6h12v12H6z',
  people:
    'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM16 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM2 20c0-3.3 2.7-6 6-6s6 2.7 6 6M12 16c1-1.2 2.4-2 4-2 3.3 0 6 2.7 6 6',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="cv-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
