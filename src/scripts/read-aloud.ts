// Reads a part of the page aloud with the Web Speech API. Prefers a voice for the exact language
// (nl-BE), then any voice of the language (nl-*); says why when it cannot.

function pickVoice(lang: string): SpeechSynthesisVoice | undefined {
	const voices = speechSynthesis.getVoices();
	const base = lang.split('-')[0]!.toLowerCase();
	return voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ?? voices.find((v) => v.lang.toLowerCase().startsWith(base));
}

/** Voices load asynchronously in Chromium: wait for them a short while. */
function voicesReady(): Promise<void> {
	if (speechSynthesis.getVoices().length > 0) return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => resolve();
		speechSynthesis.addEventListener('voiceschanged', done, { once: true });
		setTimeout(done, 1500);
	});
}

export function setupReadAloud(root: ParentNode) {
	root.querySelectorAll<HTMLElement>('[data-read-aloud]').forEach((box) => {
		if (box.dataset.ready) return;
		box.dataset.ready = 'true';
		box.hidden = false;
		const button = box.querySelector('button')!;
		const status = box.querySelector<HTMLElement>('[role=status]')!;
		const say = (key: string) => (status.textContent = box.dataset[key] ?? '');
		let speaking = false;
		const stop = () => {
			speaking = false;
			button.textContent = box.dataset.labelStart ?? '';
			button.setAttribute('aria-pressed', 'false');
		};
		button.addEventListener('click', async () => {
			if (!('speechSynthesis' in window)) return say('msgNoSpeech');
			if (speaking) {
				speechSynthesis.cancel();
				stop();
				return say('msgStopped');
			}
			await voicesReady();
			const lang = box.dataset.lang ?? 'nl-BE';
			const voice = pickVoice(lang);
			if (!voice) return say('msgNoVoice');
			const text = document.querySelector<HTMLElement>(box.dataset.target ?? 'main')?.innerText ?? '';
			// Long texts are read paragraph by paragraph: some engines stop after a few hundred characters.
			for (const part of text.split(/\n+/).filter((p) => p.trim())) {
				const utterance = new SpeechSynthesisUtterance(part);
				utterance.lang = lang;
				utterance.voice = voice;
				speechSynthesis.speak(utterance);
			}
			speaking = true;
			button.textContent = box.dataset.labelStop ?? '';
			button.setAttribute('aria-pressed', 'true');
			say('msgReading');
			const watch = setInterval(() => {
				if (!speechSynthesis.speaking && !speechSynthesis.pending) {
					clearInterval(watch);
					stop();
				}
			}, 500);
		});
	});
}
