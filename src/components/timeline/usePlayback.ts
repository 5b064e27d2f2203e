// Playback: while playing, step forward at the chosen speed; stop at the end.
import { useEffect } from 'react';
import { useScenarioStore } from '../../state/stores/scenarioStore';
import { useViewStore } from '../../state/stores/viewStore';

export function usePlayback(): void {
  const playing = useViewStore((s) => s.playing);
  const speed = useViewStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const tick = (): void => {
      const s = useScenarioStore.getState();
      if (s.cursor >= s.replay.length) useViewStore.getState().setPlaying(false);
      else s.stepBy(1);
    };
    // Starting at the end replays from the start.
    const s = useScenarioStore.getState();
    if (s.cursor >= s.replay.length) s.toStart();
    const id = setInterval(tick, 1000 / speed);
    return () => clearInterval(id);
  }, [playing, speed]);
}
