// The timeline panel: step controls over the event list.
import { EventEditor } from './EventEditor';
import { EventList } from './EventList';
import { Transport } from './Transport';

export function Timeline() {
  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Transport />
      <EventList />
      <EventEditor />
    </section>
  );
}
