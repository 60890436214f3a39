// The offline page: lists the courses kept on this device, so a learner without a connection finds them.
import { keptCopies } from '../lib/offline/kept';

const box = document.querySelector<HTMLElement>('[data-offline-kept]');
if (box && 'caches' in window) {
	void keptCopies().then((copies) => {
		const list = box.querySelector('[data-offline-kept-list]')!;
		const seen = new Set<string>();
		for (const { list: course } of copies) {
			if (seen.has(course.id) || !course.id.startsWith(`${box.dataset.locale}-`)) continue;
			seen.add(course.id);
			const a = document.createElement('a');
			a.href = course.href;
			a.textContent = course.title;
			list.appendChild(document.createElement('li')).appendChild(a);
		}
		if (seen.size === 0) box.textContent = box.dataset.none ?? '';
	});
}
