// Knowledge checks: the reader answers, then sees feedback at every option and a summary in a live
// region. Formative only: nothing is sent anywhere. Works with keyboard (native radios, checkboxes, button).

function check(form: HTMLFormElement) {
	const inputs = [...form.querySelectorAll<HTMLInputElement>('input[data-correct]')];
	const result = form.querySelector<HTMLElement>('[data-kc-result]')!;
	const button = form.querySelector<HTMLButtonElement>('[data-kc-actions] button')!;
	if (button.dataset.state === 'answered') {
		inputs.forEach((input) => {
			input.checked = false;
			input.disabled = false;
			input.removeAttribute('aria-invalid');
		});
		form.querySelectorAll<HTMLElement>('.kc__feedback').forEach((p) => (p.hidden = true));
		result.textContent = '';
		delete result.dataset.right;
		button.textContent = form.dataset.labelSubmit ?? '';
		button.dataset.state = '';
		inputs[0]?.focus();
		return;
	}
	if (!inputs.some((i) => i.checked)) {
		result.textContent = form.dataset.msgNothing ?? '';
		inputs[0]?.focus();
		return;
	}
	const allRight = inputs.every((i) => i.checked === (i.dataset.correct === 'true'));
	inputs.forEach((input) => {
		const feedback = form.querySelector<HTMLElement>(`#${input.getAttribute('aria-describedby')}`);
		// Feedback on what was chosen, and on the right answers the reader missed.
		if (feedback) feedback.hidden = !(input.checked || input.dataset.correct === 'true');
		input.disabled = true;
	});
	result.textContent = (allRight ? form.dataset.msgCorrect : form.dataset.msgIncorrect) ?? '';
	// The summary's status colour and icon (base.css); the words say it too.
	result.dataset.right = String(allRight);
	button.textContent = form.dataset.labelRetry ?? '';
	button.dataset.state = 'answered';
}

/** Moves each explanation from the no-script <details> list to a hidden note under its option. */
function placeFeedback(form: HTMLFormElement) {
	const explanations = [...form.querySelectorAll<HTMLElement>('[data-kc-fallback] dd')];
	form.querySelectorAll<HTMLInputElement>('input[data-correct]').forEach((input, i) => {
		const right = input.dataset.correct === 'true';
		const note = document.createElement('p');
		note.className = 'kc__feedback';
		note.id = `${form.id}-fb-${i}`;
		note.dataset.right = String(right);
		note.hidden = true;
		const label = document.createElement('strong');
		label.textContent = `${(right ? form.dataset.msgRight : form.dataset.msgWrong) ?? ''}:`;
		note.append(label, ` ${explanations[i]?.textContent?.trim() ?? ''}`);
		input.closest('li')?.append(note);
		input.setAttribute('aria-describedby', note.id);
	});
	form.querySelector<HTMLElement>('[data-kc-fallback]')?.remove();
}

export function setupKnowledgeChecks(root: ParentNode) {
	root.querySelectorAll<HTMLFormElement>('form[data-kc]').forEach((form) => {
		if (form.dataset.ready) return;
		form.dataset.ready = 'true';
		placeFeedback(form);
		form.querySelector<HTMLElement>('[data-kc-actions]')!.hidden = false;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			check(form);
		});
	});
}
