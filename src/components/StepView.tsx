// The step-through view: timeline, diagram, explainer and palette; in reviewer mode, the code pane.
import { CodeSection, CodeToggle } from './code/CodeToggle';
import { DiagramPanel } from './diagram/DiagramPanel';
import { ScenarioJson } from './editor/ScenarioJson';
import { Explainer } from './explainer/Explainer';
import { Palette } from './palette/Palette';
import { Timeline } from './timeline/Timeline';

export function StepView() {
  return (
    <div className="step-view">
      <Timeline />
      <DiagramPanel />
      <div className="side">
        <CodeToggle />
        <Explainer />
        <Palette />
        <ScenarioJson />
      </div>
      <CodeSection />
    </div>
  );
}
