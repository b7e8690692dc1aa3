/** Running a server call from a button: the panel's buttons locked, progress on the button and for screen readers, focus kept. */
import { announce, clearBanner, showBanner } from './feedback';
import { failureText } from './server';

export interface PanelRunner {
  /**
   * Runs `work` with every button in the panel disabled (a second click would send a second
   * write) and the pressed button saying what is happening ("Previewing…"). A click while a call
   * runs is ignored. A failed call shows `failed` in the banner, with the reason, and says it to screen readers.
   */
  run(button: HTMLButtonElement, busyLabel: string, work: () => Promise<void>, failed?: string): Promise<void>;
  isBusy(): boolean;
}

export function panelRunner(panel: HTMLElement): PanelRunner {
  let busy = false;
  const lock = (locked: boolean): void => {
    panel.querySelectorAll('button').forEach((b) => (b.disabled = locked));
    panel.setAttribute('aria-busy', String(locked));
  };
  return {
    isBusy: () => busy,
    async run(button, busyLabel, work, failed = 'That did not work.') {
      if (busy) return;
      busy = true;
      const label = button.textContent ?? '';
      lock(true);
      button.textContent = busyLabel;
      announce(busyLabel);
      clearBanner();
      try {
        await work();
      } catch (error) {
        showBanner(failed, failureText(error));
        announce(failed);
      } finally {
        busy = false;
        button.textContent = label;
        // Buttons drawn during the call (a re-read plan) are unlocked with the rest.
        lock(false);
        // Disabling the pressed button drops keyboard focus to the page: put it back.
        if (document.activeElement === document.body && button.isConnected) button.focus();
      }
    },
  };
}
