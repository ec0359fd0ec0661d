/** H5: a real file input laid over the 「添加照片」 tile (a phone's browser offers camera or album). */
export default function FileInput({
  label,
  disabled,
  onFiles,
}: {
  label: string;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      className="help-photos__file"
      type="file"
      accept="image/*"
      multiple
      aria-label={label}
      disabled={disabled}
      onChange={(e) => {
        const files = Array.from(e.currentTarget.files ?? []);
        e.currentTarget.value = '';
        onFiles(files);
      }}
    />
  );
}
