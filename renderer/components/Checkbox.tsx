export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(value: boolean): void }) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
