import { Loading } from "@/components/ui/loading";

export default Loading;
